import crypto from 'node:crypto';
import { expect } from 'chai';
import mongoose from 'mongoose';
import { resolveProduct } from '../../server/commands/resolveProduct.js';
import { ProductAliasModel } from '../../server/models/ProductAlias.js';
import { ProductModel } from '../../server/models/Product.js';
import { productKeys } from '../../shared/productKey.js';

// A product is resolved after the filing's answer, by the durable effect runner, and the server may
// be killed between any two of its writes. Whatever a kill leaves, the next resolution of the same
// description finds one product: otherwise every later complaint's fact has no product, and the
// product is never flagged (the filing-kill fault test saw no flag at all).

const described = () => ({
  name: '电热毯',
  category: 'household_appliance',
  brand: '暖眠',
  model: `DR-${crypto.randomUUID().slice(0, 8)}`,
});

describe('product resolution across a kill', () => {
  it('a key whose alias names a product that was never written (killed between alias and product) resolves to a product again', async () => {
    const p = described();
    const [key] = productKeys(p);
    const missing = new mongoose.Types.ObjectId();
    await ProductAliasModel.create({ _id: key, productId: missing });
    const resolved = await resolveProduct(p);
    expect(resolved, 'resolved').to.not.equal(null);
    expect(await ProductModel.exists({ _id: resolved!._id }), 'the product exists').to.not.equal(null);
    expect(String((await ProductAliasModel.findById(key).lean())!.productId)).to.equal(String(resolved!._id));
    expect(String((await resolveProduct(p))!._id), 'and stays the one').to.equal(String(resolved!._id));
  });

  it('a product written whose alias was not (killed between product and alias) is the one found, with no second record', async () => {
    const p = described();
    const [key] = productKeys(p);
    const written = await ProductModel.create({ key, name: p.name, category: p.category, brand: p.brand, model: p.model });
    const resolved = await resolveProduct(p);
    expect(String(resolved!._id)).to.equal(String(written._id));
    expect(await ProductModel.countDocuments({ key })).to.equal(1);
    expect(String((await ProductAliasModel.findById(key).lean())!.productId)).to.equal(String(written._id));
  });

  it('concurrent first sightings all resolve to the one written product', async () => {
    const p = described();
    const [key] = productKeys(p);
    const all = await Promise.all(Array.from({ length: 6 }, () => resolveProduct(p)));
    const ids = new Set(all.map((r) => String(r?._id)));
    expect([...ids], 'one product for all').to.have.length(1);
    const product = await ProductModel.findOne({ key }).lean();
    expect(String(product!._id)).to.equal([...ids][0]);
  });
});
