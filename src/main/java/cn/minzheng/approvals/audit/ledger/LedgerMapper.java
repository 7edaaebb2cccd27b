package cn.minzheng.approvals.audit.ledger;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface LedgerMapper {

  /** The one head row, locked until the appending transaction ends. */
  LedgerHead lockHead();

  LedgerHead head();

  void insertAll(@Param("entries") List<LedgerEntry> entries);

  void updateHead(@Param("lastSeq") long lastSeq, @Param("lastHash") String lastHash);

  /** Rows after {@code afterSeq} up to {@code upToSeq} (null: no limit) in seq order: verifying and exporting page by page. */
  List<LedgerEntry> scan(@Param("f") LedgerFilter filter, @Param("afterSeq") long afterSeq,
                         @Param("upToSeq") Long upToSeq, @Param("limit") int limit);

  /** Newest first. */
  List<LedgerEntry> search(@Param("f") LedgerFilter filter, @Param("offset") long offset, @Param("limit") int limit);

  long count(@Param("f") LedgerFilter filter);

  record LedgerHead(long lastSeq, String lastHash) {
  }
}
