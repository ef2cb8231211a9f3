package org.reelforge.provider.contract;

import org.reelforge.provider.ScriptWriter;
import org.reelforge.provider.offline.script.BuiltinScriptWriter;

class BuiltinScriptWriterContractTest extends ScriptWriterContract {
    @Override
    ScriptWriter writer() {
        return new BuiltinScriptWriter();
    }
}
