package cn.hongxin.organisation;

import java.time.LocalDate;

import cn.hongxin.security.FieldCipher;
import cn.hongxin.shared.ChineseNames;
import cn.hongxin.shared.Masking;
import cn.hongxin.shared.PhoneNumber;
import cn.hongxin.shared.ResidentIdNumber;

/**
 * What is stored beside a person's name, ID number and phone: the pinyin and its collation key and
 * initials, the ciphertexts, the masked copies and the blind index. One place, so the form, the API and
 * the Excel import store people identically.
 *
 * @param idBirthDate the birth date the ID number encodes, or {@code null} without one
 */
record StoredPersonValues(String name, String pinyin, String sortKey, String initials, String idEnc, String idHash,
                          String idMasked, LocalDate idBirthDate, String phoneEnc, String phoneMasked) {

    /**
     * @param idNumber a valid resident-ID number, or blank for none
     * @param phone    a valid phone number in any accepted spelling, or blank for none
     */
    static StoredPersonValues of(String name, String idNumber, String phone, FieldCipher cipher) {
        String stripped = name.strip();
        String pinyin = ChineseNames.pinyin(stripped);
        String idEnc = null;
        String idHash = null;
        String idMasked = null;
        LocalDate birth = null;
        if (idNumber != null && !idNumber.isBlank()) {
            ResidentIdNumber id = new ResidentIdNumber(idNumber.strip());
            idEnc = cipher.encrypt(id.value());
            idHash = cipher.blindIndex(id.value());
            idMasked = id.masked();
            birth = id.birthDate();
        }
        String phoneEnc = null;
        String phoneMasked = null;
        if (phone != null && !phone.isBlank()) {
            String normalised = PhoneNumber.normalise(phone);
            phoneEnc = cipher.encrypt(normalised);
            phoneMasked = Masking.phone(normalised);
        }
        return new StoredPersonValues(stripped, truncate(ChineseNames.sortKey(pinyin), 200),
                truncate(ChineseNames.collationKey(pinyin), 200), truncate(ChineseNames.initials(pinyin), 50), idEnc,
                idHash, idMasked, birth, phoneEnc, phoneMasked);
    }

    boolean hasIdNumber() {
        return idEnc != null;
    }

    boolean hasPhone() {
        return phoneEnc != null;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
