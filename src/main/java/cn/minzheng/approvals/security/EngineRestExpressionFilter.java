package cn.minzheng.approvals.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses any /engine-rest request that carries an expression: a parameter or JSON key ending in
 * "Expression", or a value containing "${" or "#{"; and any body that is neither JSON nor multipart. Camunda evaluates such expressions with JUEL,
 * and {@code orQueries} bypass the engine's own switch (CVE-2026-109432), so we stop them here.
 */
public class EngineRestExpressionFilter extends OncePerRequestFilter {

  private static final Pattern EXPRESSION_VALUE = Pattern.compile("[$#]\\s*\\{");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 10 * 1024 * 1024;

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (parametersCarryExpression(request)) {
      refuse(response);
      return;
    }
    String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
    if (contentType.startsWith("multipart/")) {
      // deployments: the models' own expressions are checked when the engine parses them
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length == 0) {
      chain.doFilter(request, response);
      return;
    }
    if (body.length > MAX_BODY || !contentType.contains("json") || carriesExpression(body)) {
      refuse(response);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /**
   * Reads the body as the engine's JSON parser will (escapes decoded, encoding detected), so that
   * neither \\u escapes nor UTF-16 can hide an expression; a body that does not parse is refused.
   */
  private static boolean carriesExpression(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return true;
    }
    return root != null && nodeCarriesExpression(root);
  }

  private static boolean nodeCarriesExpression(JsonNode node) {
    if (node.isTextual()) {
      return EXPRESSION_VALUE.matcher(node.textValue()).find();
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().endsWith("Expression") || EXPRESSION_VALUE.matcher(field.getKey()).find()
          || nodeCarriesExpression(field.getValue())) {
        return true;
      }
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (nodeCarriesExpression(element)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean parametersCarryExpression(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null) {
      return false;
    }
    Enumeration<String> names = request.getParameterNames();
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      if (name.endsWith("Expression")) {
        return true;
      }
      for (String value : request.getParameterValues(name)) {
        if (value != null && EXPRESSION_VALUE.matcher(value).find()) {
          return true;
        }
      }
    }
    return false;
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/problem+json;charset=UTF-8");
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
        + "\"detail\":\"出于安全原因，引擎接口不接受表达式参数。\","
        + "\"detail_en\":\"Expressions are not accepted by the engine REST API for security reasons.\"}");
  }

  /** Lets the REST resources read the body we already consumed. */
  private static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override public boolean isFinished() { return in.available() == 0; }
        @Override public boolean isReady() { return true; }
        @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
        @Override public int read() { return in.read(); }
        @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
