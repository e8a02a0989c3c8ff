return Platform.Runtime.Oci.OciRuntime.Run(args);
