using System.Runtime.InteropServices;

namespace PanicLens.Storage;

/// <summary>
/// A file's device and inode, which survive a rename: `HOST.log` rotated to `HOST.log.1` is the same file, read on
/// from where the last scan stopped (and a followed file where `serve` stopped). Read with Linux statx(2), whose buffer layout is the same on every architecture
/// (include/uapi/linux/stat.h); elsewhere the full path stands in for the inode.
/// </summary>
public static partial class FileIdentity
{
    private const int AtFdCwd = -100;
    private const uint StatxIno = 0x100;
    private const int StatxSize = 256;
    private const int InoOffset = 32;
    private const int DevMajorOffset = 136;
    private const int DevMinorOffset = 140;

    public static (string Device, string Inode) Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[StatxSize];
            if (Statx(AtFdCwd, path, 0, StatxIno, buffer) == 0)
            {
                var major = BitConverter.ToUInt32(buffer, DevMajorOffset);
                var minor = BitConverter.ToUInt32(buffer, DevMinorOffset);
                return ($"{major}:{minor}", BitConverter.ToUInt64(buffer, InoOffset).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return ("path", Path.GetFullPath(path));
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);
}
