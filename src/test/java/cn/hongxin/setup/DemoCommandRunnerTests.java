package cn.hongxin.setup;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** {@code --demo} on an empty database: setup with the demo, every password printed once. */
@ExtendWith(OutputCaptureExtension.class)
class DemoCommandRunnerTests {

    @Test
    void runsSetupWithTheDemoAndPrintsEveryAccountOnce(CapturedOutput output) throws Exception {
        SetupService setup = mock(SetupService.class);
        when(setup.needed()).thenReturn(true);
        List<DemoAccount> demo = List.of(
                new DemoAccount("GENERAL_SECRETARY", "zongzhi", "Pw3#general-xx", "临床医学系党总支"),
                new DemoAccount("AUDITOR", "shenji", "Pw3#auditor-xxx", ""));
        when(setup.run(any())).thenReturn(new SetupService.SetupResult("admin", demo));

        new DemoCommandRunner(setup, true, messages()).run(new DefaultApplicationArguments("--demo"));

        ArgumentCaptor<SetupForm> form = ArgumentCaptor.forClass(SetupForm.class);
        verify(setup).run(form.capture());
        assertThat(form.getValue().loadDemo()).isTrue();
        assertThat(form.getValue().adminUsername()).isEqualTo("admin");
        assertThat(form.getValue().organisationName()).isEqualTo("某某医科大学委员会");
        assertThat(form.getValue().password()).hasSize(14).isEqualTo(form.getValue().passwordRepeat());
        String printed = output.getAll();
        assertThat(printed).contains("admin").containsOnlyOnce(form.getValue().password())
                .containsOnlyOnce("zongzhi").containsOnlyOnce("Pw3#general-xx").contains("临床医学系党总支")
                .containsOnlyOnce("shenji").containsOnlyOnce("Pw3#auditor-xxx");
    }

    @Test
    void withoutTheFlagDoesNothing() throws Exception {
        SetupService setup = mock(SetupService.class);
        new DemoCommandRunner(setup, false, messages()).run(new DefaultApplicationArguments());
        verify(setup, never()).run(any());
        verify(setup, never()).needed();
    }

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("demo.university", Locale.SIMPLIFIED_CHINESE, "某某医科大学委员会");
        messages.addMessage("demo.adminName", Locale.SIMPLIFIED_CHINESE, "系统管理员");
        return messages;
    }
}
