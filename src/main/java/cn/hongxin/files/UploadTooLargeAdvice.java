package cn.hongxin.files;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Spring's refusal of an oversized upload, when the dispatcher parses the request first (no filter read a
 * parameter before): answered as {@link UploadTooLargeFilter} answers the container's refusal.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLargeAdvice {

    private final UploadTooLargeFilter filter;

    UploadTooLargeAdvice(UploadTooLargeFilter filter) {
        this.filter = filter;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        filter.answer(request, response);
    }
}
