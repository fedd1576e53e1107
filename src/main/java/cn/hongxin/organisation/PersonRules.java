package cn.hongxin.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.PhoneNumber;
import cn.hongxin.shared.ResidentIdNumber;

/**
 * Field rules for a person, shared by the form, the API and the Excel import, so all three refuse
 * the same things with the same messages. Checks that need the database (uniqueness, units in
 * scope) are the caller's.
 */
final class PersonRules {

    private PersonRules() {
    }

    /** Every problem of the form's own fields; a blank ID number or phone is allowed (kept on edit). */
    static List<FieldProblem> check(PersonForm f) {
        List<FieldProblem> problems = new ArrayList<>();
        if (f.name() == null || f.name().isBlank()) {
            problems.add(new FieldProblem("name", "validation.required"));
        } else if (f.name().strip().length() > 50) {
            problems.add(new FieldProblem("name", "validation.tooLong", 50));
        }
        if (f.gender() == null) {
            problems.add(new FieldProblem("gender", "validation.required"));
        }
        if (f.personType() == null) {
            problems.add(new FieldProblem("personType", "validation.required"));
        }
        if (f.politicalStatus() == null) {
            problems.add(new FieldProblem("politicalStatus", "validation.required"));
        }
        if (f.staffNo() == null || f.staffNo().isBlank()) {
            problems.add(new FieldProblem("staffNo", "validation.required"));
        } else if (!f.staffNo().strip().matches("[A-Za-z0-9_-]{2,30}")) {
            problems.add(new FieldProblem("staffNo", "person.staffNo.invalid"));
        }
        if (f.idNumber() != null && !f.idNumber().isBlank()) {
            ResidentIdNumber.check(f.idNumber().strip()).ifPresent(p ->
                    problems.add(new FieldProblem("idNumber", "idnumber.invalid." + p.name().toLowerCase())));
        }
        if (f.phone() != null && !f.phone().isBlank() && !PhoneNumber.valid(PhoneNumber.normalise(f.phone()))) {
            problems.add(new FieldProblem("phone", "person.phone.invalid"));
        }
        if (f.email() != null && !f.email().isBlank()
                && !f.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(new FieldProblem("email", "person.email.invalid"));
        }
        if (f.ethnicity() != null && f.ethnicity().strip().length() > 30) {
            problems.add(new FieldProblem("ethnicity", "validation.tooLong", 30));
        }
        if (f.birthDate() != null && (f.birthDate().isAfter(LocalDate.now()) || f.birthDate().getYear() < 1900)) {
            problems.add(new FieldProblem("birthDate", "person.birthDate.invalid"));
        }
        if (f.statusSince() != null && f.statusSince().isAfter(LocalDate.now())) {
            problems.add(new FieldProblem("statusSince", "person.statusSince.future"));
        }
        if (f.idNumber() != null && !f.idNumber().isBlank() && f.birthDate() != null
                && ResidentIdNumber.check(f.idNumber().strip()).isEmpty()
                && !new ResidentIdNumber(f.idNumber().strip()).birthDate().equals(f.birthDate())) {
            problems.add(new FieldProblem("birthDate", "person.birthDate.mismatch"));
        }
        return problems;
    }
}
