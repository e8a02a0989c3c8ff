using System.Runtime.InteropServices;

namespace Platform.Networking.DataPlane.Native;

/// <summary>errno values the data plane tells apart, and their names for error messages.</summary>
internal static class Errno
{
    public const int EPERM = 1, ENOENT = 2, EINTR = 4, EBADF = 9, EAGAIN = 11, ENOMEM = 12, EACCES = 13, EBUSY = 16,
        EEXIST = 17, ENODEV = 19, EINVAL = 22, ENOSPC = 28, ERANGE = 34, EOPNOTSUPP = 95, EADDRINUSE = 98,
        EADDRNOTAVAIL = 99, ENETUNREACH = 101, ENOBUFS = 105, ESRCH = 3, EMSGSIZE = 90, ENOTSUP = 95;

    public static string Name(int errno) => errno switch
    {
        EPERM => "EPERM", ENOENT => "ENOENT", ESRCH => "ESRCH", EINTR => "EINTR", EBADF => "EBADF", EAGAIN => "EAGAIN",
        ENOMEM => "ENOMEM", EACCES => "EACCES", EBUSY => "EBUSY", EEXIST => "EEXIST", ENODEV => "ENODEV",
        EINVAL => "EINVAL", ENOSPC => "ENOSPC", ERANGE => "ERANGE", EMSGSIZE => "EMSGSIZE", EOPNOTSUPP => "EOPNOTSUPP",
        EADDRINUSE => "EADDRINUSE", EADDRNOTAVAIL => "EADDRNOTAVAIL", ENETUNREACH => "ENETUNREACH", ENOBUFS => "ENOBUFS",
        _ => $"errno {errno}",
    };

    public static string Describe(int errno) => $"{Name(errno)} ({Marshal.GetPInvokeErrorMessage(errno)})";
}

/// <summary>A failed system call or kernel request, with the errno that says why.</summary>
public class SystemCallException(string call, string? subject, int errno, string? detail = null)
    : IOException($"{call}{(subject is null ? "" : " " + subject)}: {Errno.Describe(errno)}{(detail is null ? "" : ": " + detail)}")
{
    public string Call { get; } = call;

    public int ErrorNumber { get; } = errno;

    public string ErrorName => Errno.Name(ErrorNumber);
}
