package cn.minzheng.approvals.application;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The type-specific {@code data} of an application (data_json), read back as plain values. */
public final class ApplicationData {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApplicationData() {
  }

  /** The top-level scalar values of the data as text (nested objects and arrays are left out). */
  public static Map<String, String> scalars(String dataJson) {
    Map<String, String> values = new LinkedHashMap<>();
    if (dataJson == null || dataJson.isBlank()) {
      return values;
    }
    try {
      JsonNode root = JSON.readTree(dataJson);
      if (root != null && root.isObject()) {
        root.fields().forEachRemaining(e -> {
          if (e.getValue().isValueNode() && !e.getValue().isNull()) {
            values.put(e.getKey(), e.getValue().asText());
          }
        });
      }
    } catch (java.io.IOException e) {
      // unreadable data shows as none
    }
    return values;
  }

  /**
   * The whole data as nested maps, lists and values, in a map the caller may change; empty when there
   * is none. The data was written by us from a validated body, so unreadable data is a defect.
   */
  public static Map<String, Object> asMap(String dataJson) {
    if (dataJson == null || dataJson.isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      return JSON.readValue(dataJson, new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() { });
    } catch (java.io.IOException e) {
      throw new IllegalStateException("application data unreadable", e);
    }
  }

  /** One scalar value of the data, or null. */
  public static String value(String dataJson, String key) {
    return scalars(dataJson).get(key);
  }
}
