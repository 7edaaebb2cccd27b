package cn.minzheng.approvals.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, the total count, page number (from 0) and size. */
public record Page<T>(List<T> items, long total, int page, int size) {

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), total, page, size);
  }
}
