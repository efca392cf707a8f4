namespace PanicLens.Mining.Checking;

/// <summary>The figures one count goes to: the total and the list the mail came from.</summary>
public sealed class FigureSet(params CheckFigures[] figures)
{
    public void Count(Action<CheckFigures> count)
    {
        foreach (var figure in figures)
            count(figure);
    }
}
