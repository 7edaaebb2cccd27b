package cn.minzheng.approvals.material;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;

/** Insert and read only: a stored material is never changed. */
@Mapper
public interface MaterialFileMapper {

  void insert(MaterialFile material);

  /** The metadata, without the bytes. */
  MaterialFile findById(long id);

  /** The metadata of an application's materials in upload order, without the bytes. */
  List<MaterialFile> findByApplication(long applicationId);

  /** The metadata and the stored bytes: for the download only, after the region check. */
  MaterialFile findWithContent(long id);
}
