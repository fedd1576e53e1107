package cn.hongxin.organisation;

/**
 * One problem found in an uploaded file, kept as a message key so that the page and the error report
 * speak the language of whoever looks at them.
 *
 * @param row     the spreadsheet row number as Excel shows it (the header is row 1)
 * @param column  the column, or {@code null} for a problem of the whole file or row
 * @param name    the row's name cell, to help find the row
 * @param staffNo the row's 学号/工号 cell
 */
record ImportProblem(int row, ImportColumn column, String messageKey, Object[] args, String name, String staffNo) {

    static ImportProblem ofFile(String messageKey, Object... args) {
        return new ImportProblem(0, null, messageKey, args, null, null);
    }
}
