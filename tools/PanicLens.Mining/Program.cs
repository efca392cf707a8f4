using PanicLens.Mining;

return Verbs.Run(args, Console.Out, Console.Error);
