/** One reference: plain data, rendered as a plain link (nothing is fetched at load). */
export interface Reference {
  readonly who: string;
  readonly title: string;
  /** Where and when: venue, year, chapter or section. */
  readonly where: string;
  readonly url: string;
  /** Why read it, in a sentence. */
  readonly why: string;
}

/** The notes' to-do list ("- [ ] Andrew Ng", …), each item completed with real references. */
export interface ReadingItem {
  /** The item as the notes wrote it. */
  readonly notes: string;
  readonly refs: readonly Reference[];
}

export const READING: readonly ReadingItem[] = [
  {
    notes: 'Andrew Ng',
    refs: [
      {
        who: 'Andrew Ng (DeepLearning.AI)',
        title: 'Improving Deep Neural Networks: Hyperparameter Tuning, Regularization and Optimization',
        where: 'Deep Learning Specialization, course 2, week 3 (“Batch Normalization” videos), Coursera',
        url: 'https://www.coursera.org/learn/deep-neural-network',
        why: 'The lectures these notes follow: normalizing z, γ and β, why BN works, BN at test time.',
      },
    ],
  },
  {
    notes: 'Sebastian Raschka',
    refs: [
      {
        who: 'Sebastian Raschka',
        title: 'STAT 453: Introduction to Deep Learning, L11 “Normalization and weight initialization”',
        where: 'University of Wisconsin–Madison, spring 2021: slides, videos and PyTorch notebooks (L11/code/batchnorm.ipynb)',
        url: 'https://github.com/rasbt/stat453-deep-learning-ss21',
        why: 'BatchNorm in PyTorch, train vs eval mode, and BN before or after the activation, with code to run.',
      },
    ],
  },
  {
    notes: 'Understanding Deep Learning',
    refs: [
      {
        who: 'Simon J. D. Prince',
        title: 'Understanding Deep Learning',
        where: 'MIT Press, 2023, §11.4 “Batch normalization” (free PDF)',
        url: 'https://udlbook.github.io/udlbook/',
        why: 'A modern, careful account: BN in residual networks, its costs, and the alternatives (layer and group norm).',
      },
    ],
  },
  {
    notes: 'Deep learning book',
    refs: [
      {
        who: 'Ian Goodfellow, Yoshua Bengio, Aaron Courville',
        title: 'Deep Learning',
        where: 'MIT Press, 2016, §8.7.1 “Batch Normalization” (chapter 8, free online)',
        url: 'https://www.deeplearningbook.org/contents/optimization.html',
        why: 'BN as reparametrization: why updating all layers at once is hard, and how BN reduces the need to coordinate those updates.',
      },
    ],
  },
  {
    notes: 'Paper',
    refs: [
      {
        who: 'Sergey Ioffe, Christian Szegedy',
        title: 'Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift',
        where: 'ICML 2015, arXiv:1502.03167',
        url: 'https://arxiv.org/abs/1502.03167',
        why: 'The original: Algorithm 1 (the training transform), Algorithm 2 (inference with population statistics), Fig. 1 (section 1 here).',
      },
      {
        who: 'Shibani Santurkar, Dimitris Tsipras, Andrew Ilyas, Aleksander Mądry',
        title: 'How Does Batch Normalization Help Optimization?',
        where: 'NeurIPS 2018, arXiv:1805.11604',
        url: 'https://arxiv.org/abs/1805.11604',
        why: 'One later account (section 14): a smoother loss landscape rather than less covariate shift — contested, like those below.',
      },
      {
        who: 'Johan Bjorck, Carla Gomes, Bart Selman, Kilian Q. Weinberger',
        title: 'Understanding Batch Normalization',
        where: 'NeurIPS 2018, arXiv:1806.02375',
        url: 'https://arxiv.org/abs/1806.02375',
        why: 'Another account (section 14): BN’s benefit comes from the larger learning rates it keeps stable.',
      },
      {
        who: 'Jonas Kohler, Hadi Daneshmand, Aurelien Lucchi, Thomas Hofmann, Ming Zhou, Klaus Neymeyr',
        title: 'Exponential convergence rates for Batch Normalization: The power of length-direction decoupling in non-convex optimization',
        where: 'AISTATS 2019, arXiv:1805.10694',
        url: 'https://arxiv.org/abs/1805.10694',
        why: 'BN separates a weight vector’s length from its direction (the scale invariance of section 14), and that speeds optimization up.',
      },
      {
        who: 'Ping Luo, Xinjiang Wang, Wenqi Shao, Zhanglin Peng',
        title: 'Towards Understanding Regularization in Batch Normalization',
        where: 'ICLR 2019, arXiv:1809.00846',
        url: 'https://arxiv.org/abs/1809.00846',
        why: 'The noise of the batch statistics as a regularizer (section 15 measures that noise).',
      },
      {
        who: 'Greg Yang, Jeffrey Pennington, Vinay Rao, Jascha Sohl-Dickstein, Samuel S. Schoenholz',
        title: 'A Mean Field Theory of Batch Normalization',
        where: 'ICLR 2019, arXiv:1902.08129',
        url: 'https://arxiv.org/abs/1902.08129',
        why: 'Deep fully connected BN networks without skip connections have exploding gradients at initialization: a caution against “BN makes everything smooth”.',
      },
      {
        who: 'Yanghao Li, Naiyan Wang, Jianping Shi, Jiaying Liu, Xiaodi Hou',
        title: 'Revisiting Batch Normalization For Practical Domain Adaptation (AdaBN)',
        where: 'arXiv:1603.04779, 2016',
        url: 'https://arxiv.org/abs/1603.04779',
        why: 'Re-estimating BN’s statistics on the test domain: what BN alone does not do for a train → test shift (section 14’s cats).',
      },
      {
        who: 'Jimmy Lei Ba, Jamie Ryan Kiros, Geoffrey E. Hinton',
        title: 'Layer Normalization',
        where: 'arXiv:1607.06450, 2016',
        url: 'https://arxiv.org/abs/1607.06450',
        why: 'Statistics over all the summed inputs of a layer for a single training case: no dependence on the batch, the same computation in training and at test time, and it suits recurrent networks (section 20 shows the four sets side by side).',
      },
      {
        who: 'Dmitry Ulyanov, Andrea Vedaldi, Victor Lempitsky',
        title: 'Instance Normalization: The Missing Ingredient for Fast Stylization',
        where: 'arXiv:1607.08022, 2016',
        url: 'https://arxiv.org/abs/1607.08022',
        why: 'In a feed-forward style-transfer generator, normalizing each channel of each image on its own (also at test time) instead of over the batch markedly improves the stylized images.',
      },
      {
        who: 'Yuxin Wu, Kaiming He',
        title: 'Group Normalization',
        where: 'ECCV 2018, arXiv:1803.08494',
        url: 'https://arxiv.org/abs/1803.08494',
        why: 'Groups of channels per sample; §3 puts BN, LN, IN and GN in one formula with four sets; Fig. 1: ResNet-50 on ImageNet, BN’s error grows as the batch shrinks while GN’s stays flat.',
      },
      {
        who: 'Biao Zhang, Rico Sennrich',
        title: 'Root Mean Square Layer Normalization',
        where: 'NeurIPS 2019, arXiv:1910.07467',
        url: 'https://arxiv.org/abs/1910.07467',
        why: 'LayerNorm without the re-centring: dividing by the root mean square alone performs comparably to LayerNorm while cutting running time by 7–64 % on the models they test.',
      },
    ],
  },
  {
    notes: 'Implementations',
    refs: [
      {
        who: 'PyTorch',
        title: 'torch.nn.BatchNorm1d',
        where: 'PyTorch documentation (eps = 1e-5, momentum = 0.1, running statistics, train/eval)',
        url: 'https://pytorch.org/docs/stable/generated/torch.nn.BatchNorm1d.html',
        why: 'The semantics this notebook’s engine follows, number for number.',
      },
      {
        who: 'Keras',
        title: 'BatchNormalization layer',
        where: 'Keras documentation',
        url: 'https://keras.io/api/layers/normalization_layers/batch_normalization/',
        why: 'The same layer in TensorFlow; note its momentum is the weight of the old value (0.99), the opposite convention.',
      },
      {
        who: 'Frederik Kratzert',
        title: 'Understanding the backward pass through Batch Normalization Layer',
        where: 'Blog post, 2016',
        url: 'https://kratzert.github.io/2016/02/12/understanding-the-gradient-flow-through-the-batch-normalization-layer.html',
        why: 'The exact backward pass of section 12, derived step by step on the computational graph.',
      },
      {
        who: 'Andrej Karpathy',
        title: 'Neural Networks: Zero to Hero, “Building makemore Part 3: Activations & Gradients, BatchNorm”',
        where: 'Lecture videos and notebooks, 2022',
        url: 'https://github.com/karpathy/nn-zero-to-hero',
        why: 'BatchNorm written from scratch, with its pitfalls (the batch couples the samples; running statistics).',
      },
    ],
  },
];
