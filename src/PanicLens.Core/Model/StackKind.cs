namespace PanicLens.Model;

/// <summary>Which stack a run of frames was printed for; `&lt;IRQ&gt;`…`&lt;EOI&gt;` and exception stacks are kept apart from the task stack.</summary>
public enum StackKind
{
    Task,
    Irq,
    SoftIrq,
    Nmi,
    Exception,
    Allocation,
    Free,
    Other,
}
