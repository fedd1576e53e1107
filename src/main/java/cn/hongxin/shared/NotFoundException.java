package cn.hongxin.shared;

/** The object does not exist, or lies outside the caller's data scope: both answer 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
