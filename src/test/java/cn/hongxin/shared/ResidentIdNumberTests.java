package cn.hongxin.shared;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResidentIdNumberTests {

    @Test
    void acceptsAValidNumberAndReadsBirthDateAndGender() {
        ResidentIdNumber id = new ResidentIdNumber("11010519491231002x");
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.male()).isFalse();
        assertThat(id.masked()).isEqualTo("110***********002X");
    }

    @Test
    void namesWhatIsWrong() {
        assertThat(ResidentIdNumber.check("1101051949123100")).contains(ResidentIdNumber.Problem.FORMAT);
        assertThat(ResidentIdNumber.check("110105194902300021")).contains(ResidentIdNumber.Problem.BIRTH_DATE);
        assertThat(ResidentIdNumber.check("110105194912310021")).contains(ResidentIdNumber.Problem.CHECKSUM);
        assertThat(ResidentIdNumber.check("11010519491231002X")).isEmpty();
        assertThatThrownBy(() -> new ResidentIdNumber("110105194912310021")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masksPhones() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(PhoneNumber.valid(PhoneNumber.normalise("+86 138 1234 5678"))).isTrue();
        assertThat(PhoneNumber.valid("12345")).isFalse();
    }
}
