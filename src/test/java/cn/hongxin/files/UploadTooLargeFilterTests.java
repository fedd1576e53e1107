package cn.hongxin.files;

import java.util.Locale;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The answer to an oversized upload: back to the form's own page (never elsewhere), or a 413 for the API. */
class UploadTooLargeFilterTests {

    @Test
    void goesBackOnlyToAPathOfThisApplication() {
        assertThat(UploadTooLargeFilter.backTo(referer("http://localhost/events/12?tab=1"))).isEqualTo("/events/12?tab=1");
        assertThat(UploadTooLargeFilter.backTo(referer("http://evil.example/phish"))).isEqualTo("/");
        assertThat(UploadTooLargeFilter.backTo(referer("//evil.example/phish"))).isEqualTo("/");
        assertThat(UploadTooLargeFilter.backTo(referer("http://localhost//evil.example/x"))).isEqualTo("/");
        assertThat(UploadTooLargeFilter.backTo(referer("not a uri at all"))).isEqualTo("/");
        assertThat(UploadTooLargeFilter.backTo(new MockHttpServletRequest("POST", "/events/1/files"))).isEqualTo("/");
    }

    @Test
    void recognisesTheContainersAndSpringsRefusalsHoweverWrapped() {
        assertThat(UploadTooLargeFilter.tooLarge(new ServletException(new IllegalStateException(
                new org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException("too big", 2, 1))))).isTrue();
        assertThat(UploadTooLargeFilter.tooLarge(new MaxUploadSizeExceededException(1))).isTrue();
        assertThat(UploadTooLargeFilter.tooLarge(new ServletException(new IllegalStateException("other")))).isFalse();
    }

    @Test
    void pagesAreSentBackWithTheMessageAndTheApiGetsA413() throws Exception {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("file.tooLarge", Locale.SIMPLIFIED_CHINESE, "文件太大，不能超过 {0} MB。");
        FileStore store = mock(FileStore.class);
        when(store.maxBytes()).thenReturn(20L * 1024 * 1024);
        UploadTooLargeFilter filter = new UploadTooLargeFilter(messages,
                new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE), store);

        MockHttpServletRequest page = referer("http://localhost/events/7");
        page.setRequestURI("/events/7/files");
        MockHttpServletResponse pageResponse = new MockHttpServletResponse();
        filter.answer(page, pageResponse);
        assertThat(pageResponse.getStatus()).isEqualTo(303);
        assertThat(pageResponse.getHeader("Location")).isEqualTo("/events/7");
        assertThat(page.getSession().getAttributeNames().nextElement()).contains("FLASH_MAPS");
        assertThat(String.valueOf(page.getSession().getAttribute(page.getSession().getAttributeNames().nextElement())))
                .contains("文件太大，不能超过 20 MB。");

        MockHttpServletRequest api = new MockHttpServletRequest("POST", "/api/v1/files");
        MockHttpServletResponse apiResponse = new MockHttpServletResponse();
        filter.answer(api, apiResponse);
        assertThat(apiResponse.getStatus()).isEqualTo(413);
        assertThat(apiResponse.getContentType()).startsWith("application/problem+json");
        assertThat(apiResponse.getContentAsString()).contains("\"status\":413").contains("文件太大，不能超过 20 MB。");
    }

    private static MockHttpServletRequest referer(String referer) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/events/1/files");
        request.setServerName("localhost");
        request.addHeader("Referer", referer);
        return request;
    }
}
