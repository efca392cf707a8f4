using System.Text;
using PanicLens.Mining.Archive;
using PanicLens.Mining.Mail;
using PanicLens.Mining.Titles;

namespace PanicLens.Mining.Mining;

/// <summary>Walks each archive, decodes every mail, keeps those whose text holds a crash report.</summary>
public sealed class Miner(MineOptions options)
{
    private readonly MailDecoder decoder = new();
    private readonly MinedStore store = new(options.Out);

    public IEnumerable<MineTally> Run()
    {
        foreach (var gitDir in options.GitDirs)
            yield return Mine(new GitMailArchive(gitDir, options.SyzbotReports ? "syzkaller.appspotmail.com" : null));
    }

    private MineTally Mine(GitMailArchive archive)
    {
        int read = 0, oversize = 0, crash = 0, written = 0, duplicate = 0;
        foreach (var mail in archive.Mails())
        {
            read++;
            if (mail.Raw is null)
            {
                oversize++;
                continue;
            }
            var body = decoder.Decode(mail.Raw);
            if (options.SyzbotReports && !(SyzbotSubject.IsFromSyzbot(body.From) && SyzbotSubject.Title(body.Subject) is not null))
                continue;
            if (!CrashPrefilter.HoldsCrash(Encoding.Latin1.GetString(body.Text)))
                continue;
            crash++;
            if (store.TryAdd(archive.ListName, mail.Commit, body))
                written++;
            else
                duplicate++;
            if (written >= options.MaxPerList)
                break;
        }
        return new MineTally(archive.ListName, read, oversize, crash, written, duplicate);
    }
}
