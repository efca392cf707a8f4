using PanicLens.Readiness;

namespace PanicLens.Core.Tests.Readiness;

/// <summary>Boot loader layouts the fixture hosts do not cover: GRUB 2 Xen entries and BLS with $kernelopts.</summary>
public sealed class BootEntryReaderTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("paniclens-boot-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Write(string hostPath, string text)
    {
        var full = Path.Join(root, hostPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    [Fact]
    public void A_GRUB_2_Xen_entry_splits_into_the_hypervisor_line_and_Dom0s_module_line()
    {
        Write("/boot/grub/grub.cfg", """
            menuentry 'Debian GNU/Linux, with Xen hypervisor' --class debian {
            	insmod part_gpt
            	multiboot2	/boot/xen-4.17-amd64.gz placeholder dom0_mem=4096M,max:4096M crashkernel=256M@64M console=com1 com1=115200,8n1 ${xen_rm_opts}
            	module2	/boot/vmlinuz-6.1.0-18-amd64 placeholder root=UUID=1234 ro console=hvc0 crashkernel=128M
            	module2	--nounzip   /boot/initrd.img-6.1.0-18-amd64
            }
            menuentry 'Debian GNU/Linux' {
            	linux	/boot/vmlinuz-6.1.0-18-amd64 root=UUID=1234 ro quiet
            }
            """);
        var entry = BootEntryReader.Read(new HostTree(root), "6.1.0-18-amd64", null);
        Assert.NotNull(entry);
        Assert.Equal("Debian GNU/Linux, with Xen hypervisor", entry.Title);
        Assert.Equal("256M@64M", KernelCommandLine.Last(entry.XenLine, "crashkernel"));
        Assert.Equal("128M", KernelCommandLine.Last(entry.KernelLine, "crashkernel"));
    }

    [Fact]
    public void BLS_options_pick_up_kernelopts_from_grubenv()
    {
        Write("/boot/grub2/grub.cfg", "blscfg\n");
        Write("/boot/grub2/grubenv", "# GRUB Environment Block\nkernelopts=root=/dev/mapper/rhel-root ro crashkernel=auto console=ttyS0\n");
        Write("/boot/loader/entries/abc-4.18.0-513.el8.x86_64.conf", "title RHEL 8\nversion 4.18.0-513.el8.x86_64\nlinux /vmlinuz-4.18.0-513.el8.x86_64\noptions $kernelopts\n");
        var entry = BootEntryReader.Read(new HostTree(root), "4.18.0-513.el8.x86_64", null);
        Assert.Equal("auto", KernelCommandLine.Last(entry?.KernelLine, "crashkernel"));
        Assert.Null(entry?.XenLine);
    }

    [Fact]
    public void No_boot_loader_files_means_no_entry()
    {
        Assert.Null(BootEntryReader.Read(new HostTree(root), "6.1.0", null));
    }
}
