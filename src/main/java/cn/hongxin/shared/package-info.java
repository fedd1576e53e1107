/**
 * Value types every module may use: resident-ID numbers and their checks, masking of sensitive
 * values, phone numbers, Chinese name collation. No Spring beans live here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.hongxin.shared;
