package cn.minzheng.approvals.admin.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.minzheng.approvals.admin.check.ModelReferences;
import cn.minzheng.approvals.admin.check.ModelResource;

/**
 * The deployment an uploaded file becomes. Our models bind their forms and called stages by deployment
 * ({@code formRefBinding} / {@code calledElementBinding="deployment"}), so that a running case keeps
 * the forms and stages it started with. A new version of one file therefore travels with the latest
 * deployed version of everything that binds it (a form's processes, a shared stage's callers) and of
 * everything those bind in turn (a BPMN's forms and stages). Those come along unchanged and get a new
 * version number; running cases keep theirs.
 */
record ModelSet(ModelResource uploaded, Optional<ModelReferences> references, Optional<ModelResource> previous,
                List<ModelResource> resources) {

  static ModelSet of(String filename, byte[] bytes, List<ModelResource> deployed) {
    ModelResource raw = new ModelResource(filename, bytes);
    Optional<ModelReferences> references = ModelReferences.of(raw);
    // latest deployed definition of each key (the catalog lists older deployments first)
    Map<String, ModelResource> byKey = new LinkedHashMap<>();
    Map<String, ModelReferences> referencesByKey = new LinkedHashMap<>();
    for (ModelResource resource : deployed) {
      ModelReferences.of(resource).ifPresent(r -> {
        byKey.put(kindKey(resource.kind(), r.key()), resource);
        referencesByKey.put(kindKey(resource.kind(), r.key()), r);
      });
    }
    if (references.isEmpty()) {
      return new ModelSet(raw, references, Optional.empty(), List.of(raw));
    }
    String key = kindKey(raw.kind(), references.get().key());
    Optional<ModelResource> previous = Optional.ofNullable(byKey.get(key));
    // the new version keeps the resource name of the one it replaces (processes/dibao.bpmn)
    ModelResource uploaded = new ModelResource(previous.map(ModelResource::name).orElse(defaultName(raw)), bytes);

    Map<String, ModelResource> set = new LinkedHashMap<>();
    set.put(key, uploaded);
    Deque<ModelReferences> todo = new ArrayDeque<>();
    todo.add(references.get());
    // whatever binds the new version by deployment (a form's processes, a stage's callers) must come
    // along, or it would keep using the old one
    Deque<String> bound = new ArrayDeque<>(List.of(key));
    while (!bound.isEmpty()) {
      String boundKey = bound.pop();
      referencesByKey.forEach((k, r) -> {
        boolean binds = r.formsByDeployment().stream().anyMatch(f -> boundKey.equals(kindKey(ModelResource.Kind.FORM, f)))
            || r.processesByDeployment().stream().anyMatch(p -> boundKey.equals(kindKey(ModelResource.Kind.BPMN, p)));
        if (binds && !set.containsKey(k)) {
          set.put(k, byKey.get(k));
          todo.add(r);
          bound.add(k);
        }
      });
    }
    while (!todo.isEmpty()) {
      ModelReferences next = todo.pop();
      for (String form : next.formsByDeployment()) {
        add(set, byKey, referencesByKey, kindKey(ModelResource.Kind.FORM, form), todo);
      }
      for (String process : next.processesByDeployment()) {
        add(set, byKey, referencesByKey, kindKey(ModelResource.Kind.BPMN, process), todo);
      }
    }
    return new ModelSet(uploaded, references, previous, new ArrayList<>(set.values()));
  }

  private static void add(Map<String, ModelResource> set, Map<String, ModelResource> byKey,
                          Map<String, ModelReferences> referencesByKey, String key, Deque<ModelReferences> todo) {
    if (!set.containsKey(key) && byKey.containsKey(key)) {
      set.put(key, byKey.get(key));
      todo.add(referencesByKey.get(key));
    }
  }

  private static String kindKey(ModelResource.Kind kind, String key) {
    return kind + ":" + key;
  }

  private static String defaultName(ModelResource raw) {
    String base = raw.name().substring(raw.name().lastIndexOf('/') + 1);
    return (raw.kind() == ModelResource.Kind.FORM ? "forms/" : "processes/") + base;
  }
}
