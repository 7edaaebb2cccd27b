package cn.minzheng.approvals.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class EngineRestExpressionFilterTest {

  private final EngineRestExpressionFilter filter = new EngineRestExpressionFilter();
  private final MockHttpServletResponse response = new MockHttpServletResponse();
  private final MockFilterChain chain = new MockFilterChain();

  private static MockHttpServletRequest jsonPost(String path, String body) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setContentType("application/json");
    request.setCharacterEncoding("UTF-8");
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    return request;
  }

  private static MockHttpServletRequest getWithQuery(String path, String name, String value) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.setQueryString(name + "=" + value);
    request.addParameter(name, value);
    return request;
  }

  private void assertRefused() throws Exception {
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":400");
    assertThat(chain.getRequest()).as("the chain must not be called").isNull();
  }

  @Test
  void shouldRefuseWhenOrQueryCarriesAssigneeExpression() throws Exception {
    // given the CVE-2026-109432 shape: an expression inside orQueries of a task query
    MockHttpServletRequest request = jsonPost("/engine-rest/task",
        "{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass().forName('java.lang.Runtime')}\"}]}");

    // when
    filter.doFilter(request, response, chain);

    // then
    assertRefused();
  }

  @Test
  void shouldRefuseWhenJsonKeyEndsInExpressionEvenWithHarmlessValue() throws Exception {
    // given an *Expression key whose value holds no ${
    MockHttpServletRequest request = jsonPost("/engine-rest/task", "{\"orQueries\": [{\"assigneeExpression\" : \"demo\"}]}");

    // when
    filter.doFilter(request, response, chain);

    // then
    assertRefused();
  }

  @Test
  void shouldRefuseWhenQueryParameterIsAnExpressionParameter() throws Exception {
    // given ?candidateGroupExpression=...
    MockHttpServletRequest request =
        getWithQuery("/engine-rest/task", "candidateGroupExpression", "${currentUserGroups()}");

    // when
    filter.doFilter(request, response, chain);

    // then
    assertRefused();
  }

  @Test
  void shouldRefuseWhenQueryParameterValueHoldsAnExpression() throws Exception {
    // given an ordinary parameter name with an expression value
    MockHttpServletRequest request = getWithQuery("/engine-rest/task", "assignee", "${currentUser()}");

    // when
    filter.doFilter(request, response, chain);

    // then
    assertRefused();
  }

  @Test
  void shouldRefuseWhenBodyHoldsHashBraceExpression() throws Exception {
    // given a deferred-evaluation expression #{...} in an ordinary field
    MockHttpServletRequest request = jsonPost("/engine-rest/task", "{\"assignee\":\"#{ 1 + 1 }\"}");

    // when
    filter.doFilter(request, response, chain);

    // then
    assertRefused();
  }

  @Test
  void shouldRefuseWhenBodyHoldsDollarSpaceBrace() throws Exception {
    // given "$ {" with whitespace before the brace
    MockHttpServletRequest request = jsonPost("/engine-rest/process-instance", "{\"businessKey\":\"$ {x}\"}");

    // when
    filter.doFilter(request, response, chain);

    // then
    assertRefused();
  }

  @Test
  void shouldPassBodyUnchangedWhenJsonIsHarmless() throws Exception {
    // given a harmless task query (with Chinese text) and a downstream that reads the body
    String body = "{\"orQueries\":[{\"assignee\":\"wjs-clerk\",\"nameLike\":\"%受理%\"}],\"sorting\":[]}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    MockHttpServletRequest request = jsonPost("/engine-rest/task", body);
    AtomicReference<byte[]> streamRead = new AtomicReference<>();
    AtomicReference<String> readerRead = new AtomicReference<>();
    AtomicReference<Long> contentLength = new AtomicReference<>();
    HttpServlet downstream = new HttpServlet() {
      @Override
      protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        streamRead.set(req.getInputStream().readAllBytes());
        readerRead.set(req.getReader().lines().reduce("", String::concat));
        contentLength.set(req.getContentLengthLong());
        resp.setStatus(200);
      }
    };
    MockFilterChain chainWithServlet = new MockFilterChain(downstream);

    // when
    filter.doFilter(request, response, chainWithServlet);

    // then
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(chainWithServlet.getRequest()).isNotNull();
    assertThat(streamRead.get()).isEqualTo(bytes);
    assertThat(readerRead.get()).isEqualTo(body);
    assertThat(contentLength.get()).isEqualTo((long) bytes.length);
  }

  @Test
  void shouldPassThroughWhenGetQueryIsHarmless() throws Exception {
    // given an ordinary task query by parameter
    MockHttpServletRequest request = getWithQuery("/engine-rest/task", "candidateGroup", "420112001000-clerk");

    // when
    filter.doFilter(request, response, chain);

    // then
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(chain.getRequest()).isSameAs(request);
  }

  @Test
  void shouldRefuseWhenExpressionIsHiddenInUnicodeEscapes() throws Exception {
    // given: neither "${" nor "Expression" appears in the raw bytes
    MockHttpServletRequest request = jsonPost("/engine-rest/task",
        "{\"orQueries\":[{\"assigneeExpr\\u0065ssion\":\"\\u0024{\\\"admin\\\"}\"}]}");
    // when
    filter.doFilter(request, response, chain);
    // then
    assertRefused();
  }

  @Test
  void shouldRefuseWhenExpressionIsSentAsUtf16() throws Exception {
    // given
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task");
    request.setContentType("application/json");
    request.setContent("{\"orQueries\":[{\"assigneeExpression\":\"${1+1}\"}]}".getBytes(StandardCharsets.UTF_16BE));
    // when
    filter.doFilter(request, response, chain);
    // then
    assertRefused();
  }

  @Test
  void shouldRefuseABodyThatIsNotJson() throws Exception {
    // given
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task");
    request.setContentType("text/plain");
    request.setContent("assignee=x".getBytes(StandardCharsets.UTF_8));
    // when
    filter.doFilter(request, response, chain);
    // then
    assertRefused();
  }
}
