package cn.minzheng.approvals.notice;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.TemplateLoader;

/**
 * Where notice templates come from: an administrator's saved text first, else the file under
 * {@code notices/}. Only notice names are found at all ({@code <kind>.ftlh}, {@code <type>/<kind>.ftlh}
 * and the shared parts {@code _<name>.ftlh}), so an include can reach nothing else on the classpath.
 */
class NoticeTemplateLoader implements TemplateLoader {

  /** Names a template may have or include; the shared parts (underscore) only from the classpath. */
  static final Pattern NOTICE_NAME = Pattern.compile("([a-z]+/)?[a-z][a-z_]*\\.ftlh");
  static final Pattern PART_NAME = Pattern.compile("(?:[a-z]+/)?(_[a-z]+\\.ftlh)");

  private final TemplateLoader classpath = new ClassTemplateLoader(NoticeRenderer.class, "/notices");
  private final NoticeTemplateOverrides overrides;

  NoticeTemplateLoader(NoticeTemplateOverrides overrides) {
    this.overrides = overrides;
  }

  @Override
  public Object findTemplateSource(String name) throws IOException {
    Matcher part = PART_NAME.matcher(name);
    if (part.matches()) {
      // a type's template may import the shared part by a relative name: always the one at the root
      return classpathSource(part.group(1));
    }
    if (!NOTICE_NAME.matcher(name).matches()) {
      return null;
    }
    Optional<NoticeTemplateOverrides.SavedText> saved = overrides == null ? Optional.empty() : overrides.current(name);
    if (saved.isPresent()) {
      return saved.get();
    }
    return classpathSource(name);
  }

  private Object classpathSource(String name) throws IOException {
    Object source = classpath.findTemplateSource(name);
    return source == null ? null : new Classpath(source);
  }

  @Override
  public long getLastModified(Object source) {
    if (source instanceof NoticeTemplateOverrides.SavedText saved) {
      return saved.version();
    }
    return classpath.getLastModified(((Classpath) source).source());
  }

  @Override
  public Reader getReader(Object source, String encoding) throws IOException {
    if (source instanceof NoticeTemplateOverrides.SavedText saved) {
      return new StringReader(saved.content());
    }
    return classpath.getReader(((Classpath) source).source(), encoding);
  }

  @Override
  public void closeTemplateSource(Object source) throws IOException {
    if (source instanceof Classpath file) {
      classpath.closeTemplateSource(file.source());
    }
  }

  /** A classpath file, told apart from a saved text (a record, so the cache sees a change of source). */
  private record Classpath(Object source) {
  }
}
