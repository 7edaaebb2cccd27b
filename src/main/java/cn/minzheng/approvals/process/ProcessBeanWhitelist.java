package cn.minzheng.approvals.process;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;

/**
 * The beans BPMN expressions may see: those annotated {@link ProcessBean}. Looked up on use, because
 * the delegates depend on services that depend on the engine being built.
 */
class ProcessBeanWhitelist extends AbstractMap<Object, Object> {

  private final ApplicationContext context;
  private volatile Set<String> names;

  ProcessBeanWhitelist(ApplicationContext context) {
    this.context = context;
  }

  private Set<String> names() {
    if (names == null) {
      names = Arrays.stream(context.getBeanNamesForAnnotation(ProcessBean.class)).collect(Collectors.toUnmodifiableSet());
    }
    return names;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String name && names().contains(name);
  }

  @Override
  public Object get(Object key) {
    return containsKey(key) ? context.getBean((String) key) : null;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    return names().stream()
        .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, context.getBean(name)))
        .collect(Collectors.toSet());
  }
}
