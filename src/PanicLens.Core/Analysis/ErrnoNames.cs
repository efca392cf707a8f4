namespace PanicLens.Analysis;

/// <summary>The errno values an ERR_PTR() most often carries (include/uapi/asm-generic/errno-base.h, errno.h, include/linux/errno.h).</summary>
public static class ErrnoNames
{
    public static readonly (int Errno, string Name)[] All =
    [
        (1, "EPERM"), (2, "ENOENT"), (3, "ESRCH"), (4, "EINTR"), (5, "EIO"), (6, "ENXIO"), (7, "E2BIG"), (9, "EBADF"),
        (11, "EAGAIN"), (12, "ENOMEM"), (13, "EACCES"), (14, "EFAULT"), (16, "EBUSY"), (17, "EEXIST"), (19, "ENODEV"),
        (20, "ENOTDIR"), (21, "EISDIR"), (22, "EINVAL"), (24, "EMFILE"), (28, "ENOSPC"), (30, "EROFS"), (32, "EPIPE"),
        (34, "ERANGE"), (36, "ENAMETOOLONG"), (38, "ENOSYS"), (39, "ENOTEMPTY"), (40, "ELOOP"), (61, "ENODATA"),
        (71, "EPROTO"), (75, "EOVERFLOW"), (84, "EILSEQ"), (90, "EMSGSIZE"), (95, "EOPNOTSUPP"), (97, "EAFNOSUPPORT"),
        (98, "EADDRINUSE"), (99, "EADDRNOTAVAIL"), (104, "ECONNRESET"), (105, "ENOBUFS"), (107, "ENOTCONN"),
        (110, "ETIMEDOUT"), (111, "ECONNREFUSED"), (113, "EHOSTUNREACH"), (115, "EINPROGRESS"), (116, "ESTALE"),
        (121, "EREMOTEIO"), (122, "EDQUOT"), (125, "ECANCELED"), (512, "ERESTARTSYS"), (517, "EPROBE_DEFER"), (524, "ENOTSUPP"),
    ];

    public static string Name(int errno)
    {
        foreach (var (number, name) in All)
        {
            if (number == errno)
                return name;
        }
        return $"errno {errno}";
    }
}
