using PanicLens.Cli;

return PanicLensApp.Run(args, CliIo.Console());
