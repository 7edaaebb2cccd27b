package cn.minzheng.approvals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Keeps the workspace's zh and en dictionaries in step, and every text the pages ask for in them. */
class I18nDictionarySyncTest {

  private static final Path STATIC = Path.of("src/main/resources/static");
  private static final Path PAGES = Path.of("src/main/resources/pages");

  @Test
  void shouldHaveTheSameKeysInChineseAndEnglish() throws IOException {
    Map<String, String> zh = dictionary("zh");
    Map<String, String> en = dictionary("en");
    assertThat(en.keySet()).as("keys only in zh.json: add them to en.json").containsAll(zh.keySet());
    assertThat(zh.keySet()).as("keys only in en.json: add them to zh.json").containsAll(en.keySet());
    assertThat(zh.values()).allSatisfy(text -> assertThat(text).isNotBlank());
    assertThat(en.values()).allSatisfy(text -> assertThat(text).isNotBlank());
  }

  @Test
  void shouldHaveEveryKeyThePagesAndScriptsUse() throws IOException {
    Set<String> known = dictionary("zh").keySet();
    Set<String> used = new TreeSet<>();
    used.addAll(matches(PAGES, ".html", Pattern.compile("data-i18n(?:-[a-z-]+)?=\"([\\w.]+)\"")));
    used.addAll(matches(STATIC.resolve("js"), ".js", Pattern.compile("\\bt\\('([\\w.]+)'")));
    used.addAll(matches(STATIC.resolve("js"), ".js", Pattern.compile("Key: '([\\w.]+)'")));
    used.addAll(matches(STATIC.resolve("js"), ".js", Pattern.compile("'((?:inbox|case|task|apps|overdue)\\.[\\w.]+)'")));
    assertThat(used).isNotEmpty();
    assertThat(known).containsAll(used);
  }

  private static Map<String, String> dictionary(String lang) throws IOException {
    try (InputStream in = Files.newInputStream(STATIC.resolve("i18n/" + lang + ".json"))) {
      return new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() {
      });
    }
  }

  private static Set<String> matches(Path dir, String suffix, Pattern pattern) throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
        Matcher m = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          found.add(m.group(1));
        }
      }
    }
    return found;
  }
}
