namespace PanicLens.Mining.Mail;

/// <summary>
/// What a mail says, as the list received it: the decoded text of its plain-text parts (transfer encoding undone,
/// bytes otherwise as sent: quoting, wrapping and charset untouched) and the headers that name it.
/// </summary>
/// <param name="Text">The text parts joined by one newline, at most the decoder's cap.</param>
/// <param name="Truncated">True when the text was longer than the cap and was cut.</param>
/// <param name="From">The From header as sent (RFC 2047 words left encoded).</param>
public sealed record MailBody(byte[] Text, string Subject, string MessageId, string Date, bool Truncated, string From = "");
