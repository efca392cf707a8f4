using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace PanicLens.Server.Api;

/// <summary>
/// Who may do what: a write token may upload and read, a viewer token only read. The token comes as
/// `Authorization: Bearer TOKEN`, or, for the dashboard in a browser, in the HttpOnly cookie `/login` sets. Compared in
/// constant time.
/// </summary>
public sealed class TokenCheck(IReadOnlyList<string> writers, IReadOnlyList<string> viewers)
{
    public const string Cookie = "paniclens_token";

    public enum Access { None, Read, Write }

    public Access Of(HttpContext http) => Of(Presented(http));

    public Access Of(string? token)
    {
        if (string.IsNullOrEmpty(token))
            return Access.None;
        if (Matches(writers, token))
            return Access.Write;
        return Matches(viewers, token) ? Access.Read : Access.None;
    }

    private static string? Presented(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
            return header["Bearer ".Length..].Trim();
        return http.Request.Cookies.TryGetValue(Cookie, out var cookie) ? cookie : null;
    }

    private static bool Matches(IReadOnlyList<string> tokens, string token)
    {
        var presented = Encoding.UTF8.GetBytes(token);
        var found = false;
        foreach (var known in tokens)
            found |= CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(known));
        return found;
    }

    /// <summary>An endpoint filter that answers 401 (no or unknown token) or 403 (a viewer token on a write).</summary>
    public EndpointFilterDelegate Require(Access needed, EndpointFilterDelegate next) => async context =>
    {
        var access = Of(context.HttpContext);
        if (access == Access.None)
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(statusCode: 401, title: "a token is needed: Authorization: Bearer TOKEN");
        }
        if (access < needed)
            return Results.Problem(statusCode: 403, title: "this token may only read");
        return await next(context);
    };
}
