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

    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const ushort TypeMask = 0xF000;   // S_IFMT
    private const ushort RegularType = 0x8000; // S_IFREG
    private const ushort DirectoryType = 0x4000; // S_IFDIR

    /// <summary>
    /// Whether the path (its target, for a symbolic link) is a FIFO, socket or device, which a scan must not open
    /// (opening a FIFO waits for a writer; a device never ends). False for a regular file or folder, and for a path that
    /// cannot be examined (a dangling link): reading that fails and names it.
    /// </summary>
    public static bool IsSpecialFile(string path)
    {
        if (!OperatingSystem.IsLinux())
            return false;
        var buffer = new byte[StatxSize];
        return Statx(AtFdCwd, path, 0, StatxType, buffer) == 0
            && (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) is not (RegularType or DirectoryType);
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);
}
