// The press-archive program: the command line of this process, run by main (cli/press-archive.ts).
import { main } from './press-archive.ts';

process.exitCode = await main(process.argv.slice(2));
