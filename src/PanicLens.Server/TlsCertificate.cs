using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PanicLens.Server.Localization;

namespace PanicLens.Server;

/// <summary>
/// `--tls-cert FILE --tls-key FILE`: the HTTP listener's certificate, read from PEM files. A missing, unreadable or
/// malformed file, or a key that is not the certificate's, is one line naming both files, before anything listens.
/// </summary>
public static class TlsCertificate
{
    /// <summary>The certificate with its key; null when neither file is set.</summary>
    public static X509Certificate2? Load(string? certificate, string? key)
    {
        if (certificate is null && key is null)
            return null;
        if (certificate is null || key is null)
            throw new ServeException(Messages.Get("error.tls-half"));
        try
        {
            var loaded = X509Certificate2.CreateFromPemFile(certificate, key);
            if (!loaded.HasPrivateKey)
                throw new CryptographicException("no private key");
            return loaded;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            var reason = e.Message.Split('\n')[0].Trim();
            throw new ServeException(Messages.Format("error.tls", certificate, key, reason));
        }
    }
}
