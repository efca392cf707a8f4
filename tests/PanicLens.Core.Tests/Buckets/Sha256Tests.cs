using System.Text;
using PanicLens.Buckets;

namespace PanicLens.Core.Tests.Buckets;

public sealed class Sha256Tests
{
    [Theory]
    // FIPS 180-4 examples (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf").
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Known_digests_come_out(string text, string hex) => Assert.Equal(hex, Sha256.Hex(text));

    [Fact]
    public void Every_length_across_block_and_padding_edges_gives_the_platform_digest()
    {
        var random = new Random(11);
        for (var length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data)), Sha256.Hex(data));
        }
        var large = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("BUG: soft lockup - CPU#0 stuck for 22s! ", 5000)));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(large)), Sha256.Hex(large));
    }
}
