/**
 * Operations commands run from the command line: online backup of the embedded database together
 * with the field-encryption keys, and restore of such a backup into an empty data directory; and how the event
 * publication registry serializes events ({@code EventSerializationConfiguration}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package cn.hongxin.operations;
