package cn.minzheng.approvals.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The input fields of a Camunda Form (form-js JSON): key, type and whether it is required. */
public record FormSchema(String json, List<Field> fields) {

  public record Field(String key, String type, String label, boolean required) {
  }

  public static FormSchema parse(InputStream in, ObjectMapper mapper) throws IOException {
    String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    List<Field> fields = new ArrayList<>();
    collect(mapper.readTree(json).path("components"), fields);
    return new FormSchema(json, fields);
  }

  private static void collect(JsonNode components, List<Field> fields) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        String label = component.path("label").asText(component.path("dateLabel").asText(component.get("key").asText()));
        fields.add(new Field(component.get("key").asText(), component.path("type").asText(), label,
            component.path("validate").path("required").asBoolean(false)));
      }
      if (component.has("components")) {
        collect(component.get("components"), fields);
      }
    }
  }
}
