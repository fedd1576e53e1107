package cn.hongxin.publishing;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Articles over the API: the same service, permissions and data scope as the pages. */
@RestController
@RequestMapping("/api/v1/articles")
@Tag(name = "Articles", description = "Articles, their review workflow and publication")
class ArticleApiController {

    /** A workflow step's comment. */
    record StepComment(String comment) {
    }

    private final ArticleService service;

    ArticleApiController(ArticleService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Articles in scope, filtered by state, unit and text")
    Page<ArticleView> list(@RequestParam(required = false) ArticleState state,
                           @RequestParam(required = false) Long unitId, @RequestParam(required = false) String q,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return service.search(new ArticleQuery(state, unitId, q), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One article")
    ArticleView get(@PathVariable long id) {
        return service.get(id);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The article's workflow steps")
    List<ArticleHistoryEntry> history(@PathVariable long id) {
        return service.history(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a draft")
    ArticleView create(@RequestBody ArticleForm form) {
        return service.create(form);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a draft")
    ArticleView update(@PathVariable long id, @RequestBody ArticleForm form) {
        return service.update(id, form);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a draft never published")
    void delete(@PathVariable long id) {
        service.delete(id);
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit a draft for review")
    ArticleView submit(@PathVariable long id, @RequestBody(required = false) StepComment c) {
        return service.submit(id, comment(c));
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "First review passed")
    ArticleView review(@PathVariable long id, @RequestBody(required = false) StepComment c) {
        return service.review(id, comment(c));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Final review passed")
    ArticleView approve(@PathVariable long id, @RequestBody(required = false) StepComment c) {
        return service.approve(id, comment(c));
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Return to draft with comments")
    ArticleView returnToDraft(@PathVariable long id, @RequestBody(required = false) StepComment c) {
        return service.returnToDraft(id, comment(c));
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish an approved article")
    ArticleView publish(@PathVariable long id) {
        return service.publish(id);
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw a published article")
    ArticleView withdraw(@PathVariable long id, @RequestBody(required = false) StepComment c) {
        return service.withdraw(id, comment(c));
    }

    @PostMapping("/{id}/wechat")
    @Operation(summary = "Send a published article to WeChat again, resuming where it stopped")
    ArticleView wechat(@PathVariable long id) {
        return service.pushToWeChat(id);
    }

    private static String comment(StepComment c) {
        return c == null ? null : c.comment();
    }
}
