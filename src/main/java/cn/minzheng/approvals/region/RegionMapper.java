package cn.minzheng.approvals.region;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface RegionMapper {

  List<Region> findAll();

  Region findByCode(String code);

  int insert(Region region);
}
