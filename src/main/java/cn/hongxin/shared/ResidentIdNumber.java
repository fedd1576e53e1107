package cn.hongxin.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A mainland resident identity card number (GB 11643-1999): 17 digits and a check character.
 *
 * @param value the normalised 18-character number (upper-case X)
 */
public record ResidentIdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** Why a number was refused; each has a message key {@code idnumber.invalid.<name>}. */
    public enum Problem { FORMAT, BIRTH_DATE, CHECKSUM }

    public ResidentIdNumber {
        Optional<Problem> problem = check(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("invalid resident ID number: " + problem.get());
        }
        value = value.toUpperCase();
    }

    /** Checks format, birth date and checksum; empty when the number is valid. */
    public static Optional<Problem> check(String raw) {
        if (raw == null || !raw.matches("\\d{17}[0-9Xx]")) {
            return Optional.of(Problem.FORMAT);
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(raw.substring(6, 10)),
                    Integer.parseInt(raw.substring(10, 12)), Integer.parseInt(raw.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of(Problem.BIRTH_DATE);
        }
        if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now())) {
            return Optional.of(Problem.BIRTH_DATE);
        }
        if (Character.toUpperCase(raw.charAt(17)) != checkCharacter(raw.substring(0, 17))) {
            return Optional.of(Problem.CHECKSUM);
        }
        return Optional.empty();
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
    }

    /** Odd 17th digit: male. */
    public boolean male() {
        return (value.charAt(16) - '0') % 2 == 1;
    }

    /** Shown on screen: region prefix and last four, e.g. {@code 110***********123X}. */
    public String masked() {
        return Masking.keep(value, 3, 4);
    }
}
