using PanicLens.Cli;

namespace PanicLens.Server.Tests;

public sealed class ServeCommandTests
{
    private static (int Code, string Error) Run(params string[] args)
    {
        var error = new StringWriter();
        var code = PanicLensApp.Run(args, new CliIo(new MemoryStream(), new MemoryStream(), error));
        return (code, error.ToString());
    }

    [Fact]
    public void Serve_without_a_token_does_not_start_and_says_why_in_one_line()
    {
        Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PANICLENS_TOKEN")));
        var folder = Directory.CreateTempSubdirectory("paniclens-serve-").FullName;
        var (code, error) = Run("serve", "--db", Path.Combine(folder, "p.db"), "--http", "127.0.0.1:0");
        Directory.Delete(folder, recursive: true);
        Assert.Equal(2, code);
        Assert.Contains("no token", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("--http", "localhost", "--http localhost: ADDRESS:PORT is needed")]
    [InlineData("--netconsole-host", "web-01", "--netconsole-host web-01: ADDRESS=HOST is needed")]
    [InlineData("--token-file", "/nonexistent/tokens", "/nonexistent/tokens: cannot read the token file")]
    public void Bad_serve_options_are_one_line_errors(string option, string value, string message)
    {
        var (code, error) = Run("serve", option, value);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData("--http", "localhost", "--http localhost：需要 ADDRESS:PORT")]
    [InlineData("--netconsole-host", "web-01", "--netconsole-host web-01：需要 ADDRESS=HOST")]
    [InlineData("--token-file", "/nonexistent/tokens", "/nonexistent/tokens：无法读取令牌文件")]
    [InlineData("--db", "/nonexistent/p.db", "没有令牌：请设置 PANICLENS_TOKEN 或 --token-file FILE")]
    public void Serve_errors_are_in_chinese_under_zh_CN(string option, string value, string message)
    {
        Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PANICLENS_TOKEN")));
        var (code, error) = Run(option == "--http" ? ["--lang", "zh-CN", "serve", option, value] : ["--lang", "zh-CN", "serve", option, value, "--http", "127.0.0.1:0"]);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void The_default_spool_sits_beside_a_sqlite_file_else_in_a_state_folder_per_http_port()
    {
        var http = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 8514);
        Assert.Equal("/var/lib/paniclens/crashes.db.spool", ServeOptions.DefaultSpool("sqlite:/var/lib/paniclens/crashes.db", http));
        Assert.Equal("crashes.db.spool", ServeOptions.DefaultSpool("crashes.db", http));
        Assert.Equal("spool-8514", Path.GetFileName(ServeOptions.DefaultSpool("postgres://u@db:5432/crashes", http)));
    }

    [Fact]
    public void The_sample_config_in_deploy_is_read_and_a_bad_field_is_named()
    {
        var folder = Directory.CreateTempSubdirectory("paniclens-config-").FullName;
        File.WriteAllLines(Path.Combine(folder, "tokens"), ["# writers", "w-1"]);
        File.WriteAllLines(Path.Combine(folder, "viewers"), ["v-1", "", "v-2"]);
        var sample = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "paniclens-serve.json"))
            .Replace("/etc/paniclens/tokens", Path.Combine(folder, "tokens")).Replace("/etc/paniclens/viewer-tokens", Path.Combine(folder, "viewers"));
        var config = Path.Combine(folder, "serve.json");
        File.WriteAllText(config, sample);
        var options = ServeConfig.Read(config, new ServeOptions());
        Assert.Equal((514, 514, 6666), (options.SyslogUdp, options.SyslogTcp, options.NetconsoleUdp));
        Assert.Equal("web-01", options.NetconsoleHosts["10.0.0.21"]);
        Assert.Equal(["w-1"], options.Tokens);
        Assert.Equal(["v-1", "v-2"], options.ViewerTokens);
        Assert.Equal("127.0.0.1:8514", options.Http.ToString());
        Assert.Equal("/var/lib/paniclens/spool", options.Spool);
        Assert.Equal(("/etc/paniclens/tls/cert.pem", "/etc/paniclens/tls/key.pem"), (options.TlsCert, options.TlsKey));
        Assert.Equal([("slack", 10, 2), ("json", 20, 0)], options.Webhooks.Select(w => (w.Format, w.PerMinute, w.On?.Count ?? 0)));

        File.WriteAllText(config, """{ "syslogTcp": "five hundred" }""");
        Assert.Equal($"{config}: syslogTcp: a number from 0 to 65535 is needed",
            Assert.Throws<ServeException>(() => ServeConfig.Read(config, new ServeOptions())).Message);
        File.WriteAllText(config, """{ "sylogTcp": 514 }""");
        Assert.Contains("unknown field 'sylogTcp'", Assert.Throws<ServeException>(() => ServeConfig.Read(config, new ServeOptions())).Message);
        Directory.Delete(folder, recursive: true);
    }
}
