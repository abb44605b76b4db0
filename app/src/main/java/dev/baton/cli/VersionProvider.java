package dev.baton.cli;

import dev.baton.util.Versions;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[]{"Baton " + Versions.baton()};
    }
}
