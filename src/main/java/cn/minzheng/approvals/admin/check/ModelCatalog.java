package cn.minzheng.approvals.admin.check;

import java.util.List;
import java.util.function.Predicate;

/**
 * What a set of models is checked against besides itself: the models already deployed (the latest
 * version of each process, decision and form) and the candidate groups that exist.
 */
public interface ModelCatalog {

  List<ModelResource> deployed();

  boolean groupExists(String groupId);

  /** Nothing deployed; groups judged by the given test (e.g. their name pattern, off-line). */
  static ModelCatalog offline(Predicate<String> groups) {
    return new ModelCatalog() {
      @Override
      public List<ModelResource> deployed() {
        return List.of();
      }

      @Override
      public boolean groupExists(String groupId) {
        return groups.test(groupId);
      }
    };
  }
}
