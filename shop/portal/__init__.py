"""The producer portal: a producer's members manage its raw-material zones, lots and labels."""
