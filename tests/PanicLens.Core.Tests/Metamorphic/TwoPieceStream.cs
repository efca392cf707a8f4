namespace PanicLens.Core.Tests.Metamorphic;

/// <summary>A stream that hands out its bytes in two reads cut at <c>cut</c>: a log arriving in two packets.</summary>
public sealed class TwoPieceStream(byte[] data, int cut) : MemoryStream(data, writable: false)
{
    public override int Read(byte[] buffer, int offset, int count) =>
        base.Read(buffer, offset, Position < cut ? Math.Min(count, cut - (int)Position) : count);
}
