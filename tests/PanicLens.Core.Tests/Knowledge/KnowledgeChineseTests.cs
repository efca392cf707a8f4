using System.Globalization;
using PanicLens.Knowledge;
using PanicLens.Localization;

namespace PanicLens.Core.Tests.Knowledge;

/// <summary>
/// Every shipped entry says each of its sentences in Chinese too (`zh:`); `kb validate` names a shipped entry, or the
/// working copy of one, that does not; a user's own entry may leave it out; under zh-CN the entry speaks Chinese.
/// </summary>
public sealed class KnowledgeChineseTests
{
    [Theory]
    [MemberData(nameof(ShippedKnowledgeTests.Ids), MemberType = typeof(ShippedKnowledgeTests))]
    public void Every_shipped_entry_translates_every_sentence(string id)
    {
        var issue = KnowledgeLoader.Load().Find(id)!;

        var missing = KnownIssueLanguage.MissingChinese(issue);

        Assert.True(missing.Count == 0, string.Join("\n", missing.Select(m => $"{id}: {m.Field}: {m.Missing}")));
        Assert.Contains(issue.Zh!.Title!, c => c >= '\u4e00' && c <= '\u9fff');
    }

    [Fact]
    public void Validate_reports_a_working_copy_of_a_shipped_entry_without_chinese_but_not_a_user_entry()
    {
        var dir = Directory.CreateTempSubdirectory("paniclens-zh-").FullName;
        try
        {
            var shipped = File.ReadAllText(Path.Combine(RepoPaths.Root, "knowledge", "hard-lockup.yaml"));
            var english = shipped[..shipped.IndexOf("\n# Chinese (zh-CN)", StringComparison.Ordinal)] + "\n";
            File.WriteAllText(Path.Combine(dir, "hard-lockup.yaml"), english);
            File.WriteAllText(Path.Combine(dir, "my-own-lockup.yaml"), english.Replace("id: hard-lockup", "id: my-own-lockup"));

            var check = KnowledgeLoader.Check([dir], includeShipped: true, shadowShipped: true);

            var error = Assert.Single(check.Errors);
            Assert.EndsWith("hard-lockup.yaml", error.File);
            Assert.Equal("zh", error.Field);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_zh_block_naming_an_unknown_mitigation_or_the_wrong_number_of_preconditions_is_a_mistake()
    {
        var shipped = File.ReadAllText(Path.Combine(RepoPaths.Root, "knowledge", "hard-lockup.yaml"));
        var errors = new List<KnowledgeError>();

        KnownIssueReader.Read(shipped.Replace("    - id: capture-dump\n      title: \"让", "    - id: capture-dumb\n      title: \"让"), "x.yaml", errors);
        KnownIssueReader.Read(shipped.Replace("        - what: \"已加载 kdump 且 NMI 看门狗已开启\"\n          expect: \"1 和 1\"", "        - what: \"a\"\n        - what: \"b\""), "y.yaml", errors);

        Assert.Contains(errors, e => e.File == "x.yaml" && e.Message.Contains("capture-dumb", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File == "y.yaml" && e.Field.EndsWith("preconditions", StringComparison.Ordinal));
    }

    [Fact]
    public void Under_zh_CN_an_entry_and_its_mitigations_speak_chinese_and_commands_stay()
    {
        var issue = KnowledgeLoader.Load().Find("inet-diag-ipv4-synrecv-on-ipv6-listener")!;
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = UiLanguage.Chinese;
            var mitigation = KnownIssueLanguage.Localize(issue, issue.Mitigations.Single(m => m.Id == "block-diag-modules"));

            Assert.StartsWith("inet_diag 在转储", KnownIssueLanguage.Title(issue));
            Assert.StartsWith("卸载并屏蔽", mitigation.Title);
            Assert.StartsWith("inet_diag 和 tcp_diag 是模块", mitigation.Preconditions[0].What);
            Assert.Equal(issue.Mitigations.Single(m => m.Id == "block-diag-modules").Runtime, mitigation.Runtime);
            CultureInfo.CurrentUICulture = UiLanguage.English;
            Assert.Equal(issue.Title, KnownIssueLanguage.Title(issue));
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
