using PanicLens.Knowledge;

namespace PanicLens.Core.Tests.Knowledge;

/// <summary>Every shipped entry loads, and each one's own examples match and its near misses do not, through the whole base.</summary>
public sealed class ShippedKnowledgeTests
{
    private static readonly KnowledgeBase Shipped = KnowledgeLoader.Load();

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var issue in KnowledgeLoader.Load().Issues)
            data.Add(issue.Id);
        return data;
    }

    [Fact]
    public void Every_shipped_file_loads_without_a_mistake()
    {
        var check = KnowledgeLoader.Check([], includeShipped: true);
        Assert.Empty(check.Errors);
        Assert.Equal(check.Files, check.Issues.Count);
        Assert.Equal(Directory.GetFiles(Path.Combine(RepoPaths.Root, "knowledge"), "*.yaml").Length, check.Files);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_entry_matches_its_examples_and_none_of_its_near_misses(string id)
    {
        var issue = Shipped.Find(id)!;
        Assert.NotEmpty(issue.Tests.Matches);
        Assert.NotEmpty(issue.Tests.NearMisses);
        foreach (var example in issue.Tests.Matches)
            Assert.Contains(Shipped.Match(example.ToReport(issue.Source)), m => m.Issue.Id == id);
        foreach (var nearMiss in issue.Tests.NearMisses)
            Assert.DoesNotContain(Shipped.Match(nearMiss.ToReport(issue.Source)), m => m.Issue.Id == id);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_entry_has_a_followable_reference_and_a_ranked_mitigation_list(string id)
    {
        var issue = Shipped.Find(id)!;
        Assert.Contains(issue.References, r => r.Url.StartsWith("https://", StringComparison.Ordinal));
        var ranked = KnowledgeBase.Rank(issue.Mitigations);
        Assert.Equal(issue.Mitigations.Count, ranked.Count);
        for (var i = 1; i < ranked.Count; i++)
            Assert.False(ranked[i - 1].RemovesTrigger == RemovesTrigger.No && ranked[i].RemovesTrigger != RemovesTrigger.No,
                $"{id}: '{ranked[i].Id}' removes the trigger but is ranked after '{ranked[i - 1].Id}', which does not");
    }
}
