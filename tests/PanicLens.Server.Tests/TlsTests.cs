using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PanicLens.Cli;

namespace PanicLens.Server.Tests;

/// <summary>
/// `--tls-cert`/`--tls-key`: HTTPS in the process, with a self-signed certificate made by the test and a client that
/// trusts exactly that certificate; a bad pair is one line naming both files.
/// </summary>
public sealed class TlsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("paniclens-tls-").FullName;

    /// <summary>A self-signed certificate for 127.0.0.1 written as PEM files; returns it (with its key) and the paths.</summary>
    private (X509Certificate2 Certificate, string CertPath, string KeyPath) SelfSigned(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=paniclens test " + name, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certPath = Path.Combine(folder, name + ".crt");
        var keyPath = Path.Combine(folder, name + ".key");
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificate, certPath, keyPath);
    }

    [Fact]
    public async Task Health_and_the_api_answer_over_https_to_a_client_that_trusts_the_certificate()
    {
        var (authority, cert, key) = SelfSigned("server");
        await using var server = await TestServer.Start("sqlite", o => o with { TlsCert = cert, TlsKey = key });
        Assert.Equal("https", server.Server.Address.Scheme);
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, errors) =>
            {
                if (presented is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
                    return false;
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(authority);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(presented);
            },
        };
        using var trusting = new HttpClient(handler) { BaseAddress = server.Server.Address };
        using (var health = await trusting.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("ok\n", await health.Content.ReadAsStringAsync());
        }
        trusting.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestServer.Token);
        Assert.Equal(HttpStatusCode.OK, (await trusting.GetAsync("/api/v1/hosts")).StatusCode);

        // A client with only the system's trust refuses the self-signed certificate; plain HTTP gets no answer.
        using var stock = new HttpClient { BaseAddress = server.Server.Address };
        await Assert.ThrowsAsync<HttpRequestException>(() => stock.GetAsync("/healthz"));
        using var plain = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Server.Address.Port}") };
        var refused = await Record.ExceptionAsync(async () => (await plain.GetAsync("/healthz")).EnsureSuccessStatusCode());
        Assert.NotNull(refused);
    }

    [Fact]
    public void A_key_of_another_certificate_is_one_line_naming_both_files_and_serve_exits_2()
    {
        var (_, cert, _) = SelfSigned("server");
        var (_, _, otherKey) = SelfSigned("other");
        var tokens = Path.Combine(folder, "tokens");
        File.WriteAllText(tokens, TestServer.Token + "\n");
        var error = new StringWriter();
        var code = PanicLensApp.Run(["serve", "--db", Path.Combine(folder, "p.db"), "--http", "127.0.0.1:0", "--spool", "none",
            "--token-file", tokens, "--tls-cert", cert, "--tls-key", otherKey], new CliIo(new MemoryStream(), new MemoryStream(), error));
        Assert.Equal(2, code);
        var line = Assert.Single(error.ToString().TrimEnd().Split('\n'));
        Assert.Contains($"--tls-cert {cert} --tls-key {otherKey}: ", line);
        Assert.DoesNotContain("   at ", line);
    }

    [Fact]
    public void A_missing_file_or_half_a_pair_is_refused_before_anything_listens()
    {
        var (_, cert, key) = SelfSigned("server");
        var missing = Path.Combine(folder, "missing.key");
        var gone = Assert.Throws<ServeException>(() => TlsCertificate.Load(cert, missing));
        Assert.Contains(missing, gone.Message);
        Assert.Contains("--tls-key", Assert.Throws<ServeException>(() => TlsCertificate.Load(cert, null)).Message);
        Assert.Throws<ServeException>(() => TlsCertificate.Load(key, key));
        Assert.Null(TlsCertificate.Load(null, null));
        using var loaded = TlsCertificate.Load(cert, key);
        Assert.True(loaded!.HasPrivateKey);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
