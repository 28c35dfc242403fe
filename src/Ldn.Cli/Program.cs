using Ldn.Cli;

return LdnApp.Run(args, Console.Out, Console.Error);
