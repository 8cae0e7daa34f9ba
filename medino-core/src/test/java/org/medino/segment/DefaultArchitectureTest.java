package org.medino.segment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medino.nn.Buffer;
import org.medino.nn.Module;
import org.medino.nn.ModuleContext;
import org.medino.nn.Parameter;

/** At default sizes, every network's state-dict names, order and shapes equal PyTorch's. */
class DefaultArchitectureTest {
    private static JsonNode expected;

    @BeforeAll
    static void readShapes() throws IOException {
        try (InputStream in = DefaultArchitectureTest.class.getResourceAsStream("/org/medino/segment/default_shapes.json")) {
            expected = new ObjectMapper().readTree(in);
        }
    }

    private static void assertSameLayout(String name, Module model) {
        Map<String, List<Long>> actual = new LinkedHashMap<>();
        for (Parameter p : model.parameters()) {
            actual.put(p.name(), shape(p.array().getShape().getShape()));
        }
        for (Buffer b : model.buffers()) {
            actual.put(b.name(), shape(b.array().getShape().getShape()));
        }
        Map<String, List<Long>> torch = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : expected.get(name).properties()) {
            List<Long> s = new ArrayList<>();
            e.getValue().forEach(n -> s.add(n.asLong()));
            torch.put(e.getKey(), s);
        }
        assertThat(actual).as(name).containsExactlyInAnyOrderEntriesOf(torch);
        assertThat(model.stateDict().keySet()).as(name + " state-dict order").containsExactlyElementsOf(torch.keySet());
    }

    private static List<Long> shape(long[] s) {
        List<Long> out = new ArrayList<>();
        for (long d : s) {
            out.add(d);
        }
        return out;
    }

    @Test
    void unet() {
        try (NDManager m = NDManager.newBaseManager(); UNet net = new UNet(ModuleContext.create(m, 1), new UNetConfig(1, 2))) {
            assertSameLayout("unet", net);
            assertThat(net.sizeMultiple()).isEqualTo(16);
        }
    }

    @Test
    void transUNetR50VitB16() {
        try (NDManager m = NDManager.newBaseManager();
                TransUNet net = new TransUNet(ModuleContext.create(m, 1), TransUNetConfig.r50VitB16(3, 9, 224, 224))) {
            assertSameLayout("transunet", net);
            assertThat(net.sizeMultiple()).isEqualTo(16);
        }
    }

    @Test
    void heads() {
        try (NDManager m = NDManager.newBaseManager()) {
            try (DinoUNetHead head = new DinoUNetHead(ModuleContext.create(m, 1), new DinoUNetHeadConfig(384, 4))) {
                assertSameLayout("dino_unet_head", head);
                assertThat(head.sizeMultiple()).isEqualTo(14);
                assertThat(head.blocksUsed()).isEqualTo(5);
            }
            try (MultiLayerHead head = new MultiLayerHead(ModuleContext.create(m, 1), new MultiLayerHeadConfig(384, 4))) {
                assertSameLayout("multilayer_head", head);
            }
            try (LinearHead head = new LinearHead(ModuleContext.create(m, 1), new LinearHeadConfig(384, 4))) {
                assertSameLayout("linear_head", head);
                assertThat(head.blocksUsed()).isEqualTo(1);
            }
        }
    }
}
